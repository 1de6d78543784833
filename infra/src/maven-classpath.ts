import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import { CommandFailed, onPath, runWithProgress } from './executables';
import { StartupError } from './ports';

/** A Java tool whose jars Maven resolves from a pom in the repository (nothing is built). */
export interface MavenTool {
  /** What the progress lines call it ("Temporal test server", "veraPDF"). */
  name: string;
  /** infra/<tool>/pom.xml: the tool as a dependency, its version as a property. */
  pom: string;
  /** The pom's version property and the pinned version passed in for it. */
  versionProperty: string;
  version: string;
  /** Where the resolved classpath is written (under `.cache/`). */
  classpathFile: string;
}

/** The `java` on PATH, or a StartupError saying how to install one. */
export function requireJava(purpose: string): string {
  const java = onPath('java');
  if (!java)
    throw new StartupError(
      `Java is not on PATH and ${purpose} needs it: install a JDK or JRE (e.g. \`apt-get install openjdk-17-jre-headless\`)`,
    );
  return java;
}

/** The classpath written by an earlier resolution, when every jar it names is still in ~/.m2. */
export function cachedClasspath(classpathFile: string): string | null {
  if (!existsSync(classpathFile)) return null;
  const classpath = readFileSync(classpathFile, 'utf8').trim();
  return classpath.split(delimiter).every((jar) => existsSync(jar)) ? classpath : null;
}

/**
 * The tool's classpath: the cached one, or resolved from Maven Central into the project's cache
 * (first time only, with a progress line every 15 s).
 */
export async function resolveMavenClasspath(tool: MavenTool, log: (line: string) => void): Promise<string> {
  const cached = cachedClasspath(tool.classpathFile);
  if (cached) return cached;
  const mvn = onPath('mvn');
  if (!mvn) {
    throw new StartupError(
      `Maven (\`mvn\`) is not on PATH and it is needed to fetch ${tool.name}: install Maven 3 (e.g. \`apt-get install maven\`)`,
    );
  }
  log(`resolving ${tool.name} ${tool.version} from Maven Central (first time only)…`);
  mkdirSync(dirname(tool.classpathFile), { recursive: true });
  const args = [
    '-q',
    '-B',
    '-f',
    tool.pom,
    'dependency:build-classpath',
    `-Dmdep.outputFile=${tool.classpathFile}`,
    `-D${tool.versionProperty}=${tool.version}`,
  ];
  try {
    await runWithProgress(mvn, args, {
      log,
      progress: (seconds) => `  …still resolving ${tool.name} (${seconds} s)`,
    });
  } catch (error) {
    if (!(error instanceof CommandFailed)) throw error;
    // With -q Maven prints only its errors; the first one says what went wrong.
    const first = error.output
      .split('\n')
      .find((line) => /\[ERROR\] \S/.test(line))
      ?.replace(/^.*?\[ERROR\] /, '');
    throw new Error(`${error.summary}: ${first ?? error.output.trim()}`);
  }
  return readFileSync(tool.classpathFile, 'utf8').trim();
}
