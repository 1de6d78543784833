import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { type Principal, confinedTo } from '@seguimiento/auth';
import { SourceFiles } from '@seguimiento/persistence';
import { contentDisposition } from './content-disposition';

/** The little of Express's response this controller uses. */
interface Response {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

const NOT_FOUND = 'No existe ese archivo, o su usuario no puede verlo';

/**
 * GET /files/<sha256>: a kept original, as it was received, with its name (Content-Disposition:
 * attachment). The edge (files-gate.ts) has authenticated the request; an OPLE's user gets only
 * files received for their OPLE or that yielded its oficios — any other is a 404, the same answer
 * as a file that does not exist, so that the hash of another OPLE's file tells nothing.
 */
@Controller('files')
export class FilesController {
  constructor(private readonly files: SourceFiles) {}

  @Get(':sha256')
  async download(
    @Param('sha256') sha256: string,
    @Req() req: { principal?: Principal },
    @Res() res: Response,
  ): Promise<void> {
    const hash = sha256.toLowerCase();
    if (!req.principal || !/^[0-9a-f]{64}$/.test(hash)) throw new NotFoundException(NOT_FOUND);
    const file = await this.files.content(hash, confinedTo(req.principal));
    if (!file) throw new NotFoundException(NOT_FOUND);
    res.setHeader('content-type', file.mediaType);
    res.setHeader('content-length', String(file.bytes.length));
    res.setHeader('content-disposition', contentDisposition(file.name));
    res.setHeader('cache-control', 'private, no-cache');
    res.setHeader('etag', `"${file.sha256}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(file.bytes);
  }
}
