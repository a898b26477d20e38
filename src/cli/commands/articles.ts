import { Command } from "commander";
import type { Article } from "../../core/types.js";
import { withStore } from "../with-store.js";
import { parseIsoDate } from "./ingest.js";

interface ArticlesCliOptions {
  json?: boolean;
  district?: string;
  date?: string;
  source?: string;
}

/** Terminal columns of `s`: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const c of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)
      ? 2
      : 1;
  return w;
}

/** `s` cut to at most `width` columns (with "…") and padded to exactly `width`. */
function fitWidth(s: string, width: number): string {
  let out = "";
  for (const c of s) {
    if (displayWidth(out + c) > width - (displayWidth(s) > width ? 1 : 0)) {
      out += "…";
      break;
    }
    out += c;
  }
  return out + " ".repeat(Math.max(0, width - displayWidth(out)));
}

/** The JSON shape of one article printed by `articles --json`. */
export function articleJson(a: Article) {
  return {
    id: a.id,
    title: a.title,
    // Only on articles whose page prints no headline: the title was made from the lead.
    ...(a.titleDerived ? { titleDerived: true } : {}),
    district: a.district,
    date: a.date,
    dateText: a.dateText,
    byline: a.byline,
    source: a.source,
    text: a.text,
  };
}

/** Stored articles as a readable table: id, date (or the date as printed), district, title, source. */
export function formatArticleTable(articles: Article[]): string {
  const header = `${fitWidth("id", 8)}  ${fitWidth("date", 14)}  ${fitWidth("district", 8)}  ${fitWidth("title", 48)}  source`;
  const rows = articles.map(
    (a) =>
      `${a.id}  ${fitWidth(a.date ?? a.dateText ?? "-", 14)}  ${fitWidth(a.district ?? "-", 8)}  ${fitWidth(a.title, 48)}  ${a.source}`,
  );
  return [header, ...rows, `${articles.length} articles`].join("\n");
}

/**
 * `articles [--json] [--district X] [--date YYYY-MM-DD] [--source FILE]`:
 * the stored articles in page order, as a JSON array
 * `{id, title, district, date, dateText, byline, source, text}` or a table.
 */
export function articlesCommand(): Command {
  return new Command("articles")
    .description("List stored articles (page order), as a table or JSON")
    .option(
      "--json",
      "print a JSON array of {id, title, [titleDerived,] district, date, dateText, byline, source, text}",
    )
    .option("--district <name>", "only articles about this district, e.g. 孟州市")
    .option("--date <YYYY-MM-DD>", "only articles of this day", parseIsoDate)
    .option("--source <file>", "only articles of this bulletin file, e.g. 004_bb5894ed695f9a47.txt")
    .action(async (opts: ArticlesCliOptions) => {
      await withStore((store) => {
        const articles = store.list({
          ...(opts.district ? { district: opts.district } : {}),
          ...(opts.date ? { date: opts.date } : {}),
          ...(opts.source ? { source: opts.source } : {}),
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(articles.map(articleJson), null, 2)}\n`);
        } else if (articles.length === 0) {
          const total = store.count();
          if (total === 0) {
            process.stdout.write("No articles stored yet: run `npm run -s cli -- ingest` first.\n");
          } else {
            const days = store.days(opts.district).map((d) => d.date);
            const districts = store.districts().map((d) => d.district || "(none)");
            process.stdout.write(
              [
                `No article matches (${total} stored).`,
                `Days with news${opts.district ? ` in ${opts.district}` : ""}: ${days.slice(0, 8).join(", ") || "none"}${days.length > 8 ? ", …" : ""}.`,
                `Districts: ${districts.join(", ")}.`,
              ].join("\n") + "\n",
            );
          }
        } else {
          process.stdout.write(`${formatArticleTable(articles)}\n`);
        }
      });
    });
}
