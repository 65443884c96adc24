import { describe, expect, it } from "vitest";
import { workerCount } from "./workers";

describe("workerCount", () => {
  it("runs one process per core on a PostgreSQL server", () => {
    expect(workerCount({ cores: 4, webConcurrency: undefined, embedded: false })).toEqual({ count: 4 });
    expect(workerCount({ cores: 0, webConcurrency: undefined, embedded: false })).toEqual({ count: 1 });
  });

  it("takes WEB_CONCURRENCY when it is a whole number of processes", () => {
    expect(workerCount({ cores: 4, webConcurrency: "2", embedded: false })).toEqual({ count: 2 });
    expect(() => workerCount({ cores: 4, webConcurrency: "0", embedded: false })).toThrow(/WEB_CONCURRENCY/);
    expect(() => workerCount({ cores: 4, webConcurrency: "many", embedded: false })).toThrow(/WEB_CONCURRENCY/);
  });

  it("runs one process on the embedded database, saying so when more were asked for", () => {
    expect(workerCount({ cores: 4, webConcurrency: undefined, embedded: true })).toEqual({ count: 1, note: undefined });
    expect(workerCount({ cores: 4, webConcurrency: "3", embedded: true }).count).toBe(1);
    expect(workerCount({ cores: 4, webConcurrency: "3", embedded: true }).note).toMatch(/DATABASE_URL/);
  });
});
