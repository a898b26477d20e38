import { roleKind } from "./role.js";

/** "会议由谁主持？": who presided. */
export const preside = roleKind({ name: "preside", description: "who presided (主持)", roles: ["主持"] });
