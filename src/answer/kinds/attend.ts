import { roleKind } from "./role.js";

/** "哪些领导出席/参加？": who attended (出席, 参加, 列席). */
export const attend = roleKind({
  name: "attend",
  description: "who attended (出席, 参加, 列席)",
  roles: ["出席", "参加", "列席"],
  asked: "出席|参加|参会|与会|到会|到场",
});
