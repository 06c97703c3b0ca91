import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { claimDevInstance } from "./dev-instance-lock";

const lockFile = () => path.join(mkdtempSync(path.join(tmpdir(), "dev-lock-")), "dev.json");

describe("claimDevInstance", () => {
  it("refuses a second instance while the first one's process lives, naming its PID and URL", () => {
    const file = lockFile();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(file, JSON.stringify({ pid: other.pid, url: "http://localhost:3000" }));
      expect(claimDevInstance(file, "http://localhost:3001")).toEqual({ runningAt: { pid: other.pid, url: "http://localhost:3000" } });
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that is gone, and releases it", async () => {
    const file = lockFile();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    writeFileSync(file, JSON.stringify({ pid: gone.pid, url: "http://localhost:3000" }));
    const claim = claimDevInstance(file, "http://localhost:3000");
    expect("release" in claim).toBe(true);
    if ("release" in claim) claim.release();
    expect("release" in claimDevInstance(file, "http://localhost:3000")).toBe(true);
  });
});
