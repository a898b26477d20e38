import { roleKind } from "./role.js";

/** "谁讲话？", "哪些单位作了发言？": who spoke. */
export const speak = roleKind({
  name: "speak",
  description: "who spoke (讲话, 致辞, 发言)",
  roles: ["讲话", "发言"],
  asked: "讲话|致辞|发言|强调|指出|(?<!工)作(?:了)?报告",
  // "作了发言" asks for 发言 only, "讲话" for 讲话 only.
  narrow: (text) => (/发言/.test(text) ? ["发言"] : /讲话|致辞/.test(text) ? ["讲话"] : ["讲话", "发言"]),
});
