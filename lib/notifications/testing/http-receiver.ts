import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedCall = { headers: IncomingHttpHeaders; body: string };

// A real HTTP server on loopback standing in for a webhook receiver: it records every call and answers with
// the next status of `statuses` (the last one repeats), so a test can fail a delivery and let the retry in.
export async function startHttpReceiver(statuses: number[] = [200]) {
  const calls: ReceivedCall[] = [];
  const answers = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answers.length > 1 ? (answers.shift() ?? 200) : (answers[0] ?? 200);
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
