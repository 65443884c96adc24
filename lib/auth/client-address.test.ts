import { describe, expect, it } from "vitest";
import { SOCKET_HEADER, UNKNOWN_ADDRESS, clientAddressFrom, normaliseAddress, socketStamp } from "./client-address";

const request = (socket: string | null, forwardedFor?: string, extra: Record<string, string> = {}) => {
  const h = new Headers(extra);
  if (socket !== null) h.set(SOCKET_HEADER, socketStamp(socket));
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("clientAddressFrom with TRUST_PROXY_HOPS=0", () => {
  it("uses the socket's address and ignores X-Forwarded-For and X-Real-IP, however they are spoofed", () => {
    expect(clientAddressFrom(request("203.0.113.5"), 0)).toBe("203.0.113.5");
    for (const spoof of ["10.0.0.1", "1.2.3.4, 5.6.7.8", "203.0.113.99", "unknown", "", "::1"]) {
      expect(clientAddressFrom(request("203.0.113.5", spoof, { "x-real-ip": "9.9.9.9" }), 0)).toBe("203.0.113.5");
    }
  });

  it("refuses a socket header the client wrote itself: without the process's stamp it is unknown", () => {
    const forged = new Headers({ [SOCKET_HEADER]: "203.0.113.5" });
    expect(clientAddressFrom(forged, 0)).toBe(UNKNOWN_ADDRESS);
    const guessedNonce = new Headers({ [SOCKET_HEADER]: `${"A".repeat(24)} 203.0.113.5` });
    expect(clientAddressFrom(guessedNonce, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("clientAddressFrom behind trusted proxies", () => {
  it("takes the entry one hop back behind one proxy, whatever the client prepended", () => {
    // The client sent "6.6.6.6"; our proxy appended the client's real address.
    expect(clientAddressFrom(request("10.0.0.2", "6.6.6.6, 198.51.100.23"), 1)).toBe("198.51.100.23");
    expect(clientAddressFrom(request("10.0.0.2", "198.51.100.23"), 1)).toBe("198.51.100.23");
  });

  it("takes the entry two hops back behind two proxies", () => {
    expect(clientAddressFrom(request("10.0.0.2", "6.6.6.6, 198.51.100.23, 10.0.0.9"), 2)).toBe("198.51.100.23");
  });

  it("falls back to the leftmost entry when the chain is shorter than promised", () => {
    expect(clientAddressFrom(request("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(request("10.0.0.2", "198.51.100.23"), 3)).toBe("198.51.100.23");
  });

  it("puts anything that is not an address in one bucket", () => {
    expect(clientAddressFrom(request("10.0.0.2", "not-an-address"), 1)).toBe("invalid");
  });
});

describe("normaliseAddress", () => {
  it("keeps IPv4, drops a port, and unwraps IPv4-mapped IPv6", () => {
    expect(normaliseAddress("198.51.100.23")).toBe("198.51.100.23");
    expect(normaliseAddress("198.51.100.23:52311")).toBe("198.51.100.23");
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
  });

  it("keys IPv6 by its /64, so one home cannot rotate through its own block", () => {
    expect(normaliseAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
    expect(normaliseAddress("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "unknown", "1.2.3", "1.2.3.4.5", "300.1.1.1", "::g", "<script>"]) expect(normaliseAddress(bad)).toBe("invalid");
  });
});
