// How wide text is drawn, for what a reader sees of a cell or a chart label: the rule the
// emulator (cells cut or words split, chart labels cut with "…") and the workbench's charts share.
//
// Sheets draws cells in Arial, 10 pt unless formatted, and its charts in Arial too; Google publishes
// no metrics. The emulator takes the reading least convenient for the add-on: every glyph is as wide
// as in DejaVu Sans, the font this machine's Chromium draws for "Arial", which is wider than Arial
// letter for letter (Latin "a" 0.613 em against Helvetica's 0.556, "m" 0.974 against 0.833; Cyrillic
// alike). The advances below were measured in that Chromium (canvas measureText at 1000 px), in
// thousandths of an em, regular and bold; a character not listed counts as a full em (bold 1.2).
// So a text that fits here fits in Sheets, with room to spare, never the other way round.

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const CYRILLIC = `${Array.from({ length: 64 }, (_, i) => String.fromCharCode(0x410 + i)).join('')}Ёё`;
const MORE = '—–«»…·№₽€£₸’‘“”⚠×\u00a0\u202f−';

// biome-ignore format: a table
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 684,
  686, 686, 610, 781, 632, 1077, 641, 748, 748, 710, 752, 863, 752, 787, 752, 603, 698, 611, 609, 861, 685, 776, 686, 1069,
  1094, 833, 882, 686, 698, 1080, 695, 613, 617, 589, 525, 691, 615, 901, 532, 650, 650, 604, 639, 754, 654, 612, 654, 635,
  550, 583, 592, 855, 592, 681, 591, 915, 942, 707, 790, 589, 549, 842, 602, 632, 615, 1000, 500, 612, 612, 1000, 318, 1040,
  636, 636, 636, 636, 318, 318, 518, 518, 896, 838, 318, 200, 838,
];
// biome-ignore format: a table
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
  712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 774,
  762, 762, 637, 891, 683, 1224, 710, 837, 837, 817, 831, 995, 837, 850, 837, 733, 734, 682, 771, 992, 771, 928, 808, 1235,
  1326, 939, 1036, 762, 734, 1174, 770, 675, 698, 633, 522, 808, 678, 995, 581, 701, 701, 679, 732, 817, 691, 687, 691, 716,
  593, 580, 652, 992, 645, 741, 687, 1062, 1105, 751, 904, 632, 593, 972, 642, 683, 678, 1000, 500, 646, 646, 1000, 380, 1203,
  696, 696, 696, 696, 380, 380, 657, 657, 896, 838, 348, 200, 838,
];

const ADVANCE = new Map<string, [number, number]>(
  [...(ASCII + CYRILLIC + MORE)].map((c, i) => [c, [REGULAR[i] ?? 1000, BOLD[i] ?? 1200]]),
);

/** Every character the table knows, and its advance in thousandths of an em. */
export const MEASURED: readonly string[] = [...ADVANCE.keys()];
export function advance(c: string, bold = false): number {
  return ADVANCE.get(c)?.[bold ? 1 : 0] ?? (bold ? 1200 : 1000);
}

/** Points (a cell's font size) in pixels, at Sheets' 96 dpi. */
export function ptToPx(pt: number): number {
  return (pt * 96) / 72;
}

/** Width in pixels of one line of text at `px` pixels. */
export function textWidth(text: string, px: number, bold = false): number {
  let em = 0;
  for (const c of text) em += advance(c, bold);
  return (em / 1000) * px;
}

/**
 * The text as drawn in `room` pixels on one line: whole when it fits, else its longest start that
 * fits followed by "…" (just "…" when not even one letter does).
 */
export function fitText(text: string, room: number, px: number, bold = false): string {
  if (textWidth(text, px, bold) <= room) return text;
  const chars = [...text];
  const ellipsis = textWidth('…', px, bold);
  let width = 0;
  let n = 0;
  for (const c of chars) {
    const w = textWidth(c, px, bold);
    if (width + w + ellipsis > room) break;
    width += w;
    n++;
  }
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
