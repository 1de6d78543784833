import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@seguimiento/runtime';
import { requireJava, resolveMavenClasspath } from './maven-classpath';

/** The veraPDF release whose validator the tests run (pinned in infra/verapdf/pom.xml too). */
const VERAPDF_VERSION = '1.26.2';

/** One rule of the profile that the file breaks, as veraPDF names it. */
export interface VeraPdfFailure {
  /** "6.2.11.4.1-1": the clause of ISO 19005 and the test number. */
  rule: string;
  description: string;
  /** How many objects of the file break it. */
  failedChecks: number;
}

export interface VeraPdfResult {
  /** The profile it was validated against, as veraPDF names it ("2a", "2b", "ua1"). */
  flavour: string;
  compliant: boolean;
  failures: VeraPdfFailure[];
}

export interface VeraPdf {
  /** Validates `file` against `flavour` ("2a", "2b", "ua1", …), or against the flavour the file declares when omitted. */
  validate(file: string, flavour?: string): Promise<VeraPdfResult>;
}

/**
 * veraPDF, the PDF Association's reference validator for PDF/A and PDF/UA. Its command-line
 * application is not published on Maven Central, its library is: the first call resolves the
 * library (validation-model, the Greenfield parser) from Maven Central into ~/.m2 and writes its
 * classpath under .cache/verapdf/; each validation then runs infra/verapdf/Validate.java (Java's
 * single-file source launcher: nothing is compiled into the repository), which prints one JSON
 * object with the verdict and the rules broken.
 */
export async function ensureVeraPdf(log: (line: string) => void = () => undefined): Promise<VeraPdf> {
  const java = requireJava('veraPDF');
  const classpath = await resolveMavenClasspath(
    {
      name: 'veraPDF',
      pom: join(repoRoot(), 'infra', 'verapdf', 'pom.xml'),
      versionProperty: 'verapdf.version',
      version: VERAPDF_VERSION,
      classpathFile: join(repoRoot(), '.cache', 'verapdf', VERAPDF_VERSION, 'classpath.txt'),
    },
    log,
  );
  const program = join(repoRoot(), 'infra', 'verapdf', 'Validate.java');
  return {
    async validate(file, flavour) {
      const { stdout } = await promisify(execFile)(
        java,
        ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', classpath, program, file, ...(flavour ? [flavour] : [])],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      return JSON.parse(stdout) as VeraPdfResult;
    },
  };
}
