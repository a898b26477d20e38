import { roleKind } from "./role.js";

/** "哪些人列席？": who sat in without a vote (列席). */
export const sitIn = roleKind({ name: "sit_in", description: "who sat in (列席)", roles: ["列席"] });
