import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { explorerAsset } from './explorer-assets';
import { EXPLORER_ASSETS_PATH } from './explorer-page';

/** The little of Express's response this controller uses. */
interface Response {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

/** The explorer's static files (public, like the page itself: the data behind it needs a token). */
@Controller(EXPLORER_ASSETS_PATH.slice(1))
export class ExplorerController {
  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = explorerAsset(name);
    if (!asset) throw new NotFoundException(`No existe el recurso del explorador «${name}»`);
    res.setHeader('content-type', asset.contentType);
    res.setHeader('cache-control', 'public, max-age=3600');
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(asset.body);
  }
}
