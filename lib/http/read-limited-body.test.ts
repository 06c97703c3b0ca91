import { describe, expect, it } from "vitest";

import { BodyTooLargeError, readLimitedText } from "./read-limited-body";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pulled = 0;
  return new ReadableStream({
    pull(controller) {
      const next = chunks[pulled++];
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://portal/api/v1/requests", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readLimitedText", () => {
  it("reads a body within the limit", async () => {
    expect(await readLimitedText(post('{"a":1}'), 16)).toBe('{"a":1}');
  });

  it("refuses a declared length over the limit without reading", async () => {
    await expect(readLimitedText(post("{}", { "content-length": "17" }), 16)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a stream that grows past the limit, whatever it declared", async () => {
    await expect(readLimitedText(post(streamOf(["0123456789", "0123456789"])), 16)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("reads a body of exactly the limit", async () => {
    expect(await readLimitedText(post(streamOf(["01234567", "89abcdef"])), 16)).toBe("0123456789abcdef");
  });
});
