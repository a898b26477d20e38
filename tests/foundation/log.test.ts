import { describe, expect, it } from "vitest";
import { scrubSecrets } from "../../src/log.js";

describe("scrubSecrets", () => {
  it("removes a bot token from a Bot API URL", () => {
    const url = "request to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe failed";
    const out = scrubSecrets(url);
    expect(out).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(out).toContain("<redacted-token>");
  });

  it("leaves ordinary text alone", () => {
    expect(scrubSecrets("2月1日,陕州区召开动员部署会 12:30")).toBe("2月1日,陕州区召开动员部署会 12:30");
  });
});
