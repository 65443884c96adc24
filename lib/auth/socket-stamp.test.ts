import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it } from "vitest";
import { SOCKET_HEADER, clientAddressFrom, socketStamp } from "./client-address";
import { installSocketStamp } from "./socket-stamp";

// A plain Node server created *before* the stamp is installed, as Next's is: every request
// its listener sees carries the socket's address, whatever the client sent.
const seen: string[] = [];
const server = http.createServer((req, res) => {
  const h = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
  seen.push(clientAddressFrom(h, 0));
  res.end();
});
afterAll(() => new Promise((done) => server.close(done)));

it("stamps the socket's address over a client's forged header and X-Forwarded-For", async () => {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  installSocketStamp();
  installSocketStamp(); // twice is harmless
  const { port } = server.address() as AddressInfo;
  // Not behind a front process (decision 038), even a stamp with this process's own key is
  // replaced: only a front's workers keep one.
  const forgeries: Record<string, string>[] = [{ [SOCKET_HEADER]: "x 203.0.113.5" }, { "x-forwarded-for": "203.0.113.5" }, {}, { [SOCKET_HEADER]: socketStamp("203.0.113.5") }];
  for (const forged of forgeries) {
    await fetch(`http://127.0.0.1:${port}/`, { headers: forged });
  }
  expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]);
});
