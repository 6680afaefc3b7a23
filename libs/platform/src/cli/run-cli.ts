import { ConfigError } from '../config/load-config';

type Command = (args: string[]) => Promise<void>;

/**
 * Runs one of an app's commands. Configuration and connection problems end the process with one
 * line that says what to fix, not a stack trace.
 */
export async function runCli(app: string, commands: Record<string, Command> & { serve: Command }): Promise<void> {
  const [name = 'serve', ...args] = process.argv.slice(2);
  const command = commands[name];
  if (!command) {
    console.error(`${app}: unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`);
    process.exit(2);
  }
  try {
    await command(args);
    if (name !== 'serve') process.exit(0);
  } catch (error) {
    console.error(`${app}: ${explain(error)}`);
    process.exit(1);
  }
}

export function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as { code?: string; address?: string; port?: number; message?: string };
  if (e?.code === 'ECONNREFUSED') return `cannot connect to ${e.address}:${e.port} (${e.message})`;
  if (e?.code === 'EADDRINUSE') return `port already in use: set PORT to a free port (${e.message})`;
  return e?.message ?? String(error);
}
