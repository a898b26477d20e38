import { roleKind } from "./role.js";

/** "谁陪同？", "哪些领导一同调研？": who came along. */
export const accompany = roleKind({
  name: "accompany",
  description: "who came along (陪同, 一同)",
  roles: ["陪同", "一同"],
  asked: "陪同|一同|一起|随同",
});
