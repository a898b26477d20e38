/** District suffixes a user may leave out ("孟州" for 孟州市). */
const SUFFIX = /(?:区|县|市|旗)$/;

/** A district named in a text: the known district, and the words as the text prints them. */
export interface PlaceMention {
  district: string;
  /** As printed: "孟州市", or the short form "孟州". */
  printed: string;
  index: number;
}

/**
 * The first known district named in `text`, in full ("孟州市") or without its
 * suffix ("孟州"), the longest name winning where two overlap. Short forms
 * of fewer than two characters are not read.
 */
export function findDistrict(text: string, known: readonly string[]): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  for (const d of known) {
    if (!d) continue;
    const short = d.replace(SUFFIX, "");
    for (const form of short.length >= 2 && short !== d ? [d, short] : [d]) {
      const index = text.indexOf(form);
      if (index < 0) continue;
      if (!best || index < best.index || (index === best.index && form.length > best.printed.length)) {
        best = { district: d, printed: form, index };
      }
      break;
    }
  }
  return best;
}
