import type { LocalisedText } from '@observatoire/schema';

/** One line of the command's answer, on standard output. */
export function out(line: string): void {
  process.stdout.write(line + '\n');
}

/**
 * What the user must change, French then English on standard error, and the command's exit code: 2 when the
 * command was not used as it must be (an option missing), 1 when the platform refused what it was asked.
 */
export function refuse(message: LocalisedText, exitCode: 1 | 2): void {
  process.stderr.write(`Erreur : ${message.fr}\nError: ${message.en}\n`);
  process.exitCode = exitCode;
}
