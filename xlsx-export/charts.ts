/**
 * Native Excel charts (DrawingML), added to the .xlsx ExcelJS wrote: ExcelJS reads and writes
 * no charts, but the format has them, and Excel and LibreOffice draw them from the cells, so
 * they follow the data like the add-on's Sheets charts do. A chart is a part
 * (xl/charts/chartN.xml) placed on its sheet by a drawing part (xl/drawings/drawingN.xml).
 */
import { escapeXml } from '../src/core/words/xml';
import type JSZip from 'jszip';
import { partText } from './zip';

export interface ChartPlan {
  /** 0-based position of the sheet among the workbook's sheets */
  sheetIndex: number;
  type: 'bar' | 'column' | 'line' | 'area' | 'pie';
  title: string;
  legend: boolean;
  /** formula references ("'Map'!$C$9:$H$9") and the values they hold now */
  categories: { ref: string; cache: string[] };
  series: { ref: string; cache: (number | null)[] }[];
  /** 0-based cell of the chart's top-left corner, and the corner's offset (px) into it */
  anchor: { row: number; col: number; dx?: number; dy?: number };
  /** in px; Sheets' default size when absent */
  size?: { width: number; height: number };
}

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** Sheets' default chart size. */
export const CHART_PX = { width: 600, height: 371 };
/** px → EMU, the drawing's unit (9525 a pixel) */
const emu = (px: number) => Math.round(px * 9525);

export function chartXml(p: ChartPlan): string {
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(p.categories.ref)}</c:f><c:strCache><c:ptCount val="${p.categories.cache.length}"/>${p.categories.cache
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef></c:cat>`;
  const ser = p.series
    .map((s, i) => {
      const val = `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.cache.length}"/>${s.cache
        .map((v, k) => (v === null ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`))
        .join('')}</c:numCache></c:numRef></c:val>`;
      const marker =
        p.type === 'line' ? '<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>' : '';
      const invert = p.type === 'bar' || p.type === 'column' ? '<c:invertIfNegative val="0"/>' : '';
      const smooth = p.type === 'line' ? '<c:smooth val="0"/>' : '';
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${invert}${marker}${cat}${val}${smooth}</c:ser>`;
    })
    .join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  let plot: string;
  if (p.type === 'pie')
    plot = `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  else if (p.type === 'line')
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axes}</c:lineChart>`;
  else if (p.type === 'area')
    plot = `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}${axes}</c:areaChart>`;
  else
    plot = `<c:barChart><c:barDir val="${p.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="60"/>${axes}</c:barChart>`;
  // A horizontal bar chart lists the first stage at the top, as Sheets draws it.
  const catAxis = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${p.type === 'bar' ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${p.type === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`;
  const valAxis = `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${p.type === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${p.type === 'bar' ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const title = p.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:t>${escapeXml(p.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  const legend = p.legend ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plot}${
      p.type === 'pie' ? '' : catAxis + valAxis
    }</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: { plan: ChartPlan; rid: string }[]): string {
  const anchors = charts
    .map(
      ({ plan, rid }, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${plan.anchor.col}</xdr:col><xdr:colOff>${emu(plan.anchor.dx ?? 0)}</xdr:colOff><xdr:row>${plan.anchor.row}</xdr:row><xdr:rowOff>${emu(plan.anchor.dy ?? 0)}</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${emu((plan.size ?? CHART_PX).width)}" cy="${emu((plan.size ?? CHART_PX).height)}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(plan.title || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('')}</Relationships>`;

/** The worksheet part of each sheet, in workbook order ("xl/worksheets/sheet1.xml"). */
async function sheetParts(zip: JSZip): Promise<string[]> {
  const workbook = (await partText(zip, 'xl/workbook.xml')) ?? '';
  const wbRels = (await partText(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(
    (m) => targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '') ?? '',
  );
}

/** Adds the charts to the archive of an .xlsx ExcelJS wrote. */
export async function addCharts(zip: JSZip, plans: readonly ChartPlan[]): Promise<void> {
  const parts = await sheetParts(zip);
  let types = (await partText(zip, '[Content_Types].xml')) ?? '';
  let chartNo = 0;
  let drawingNo = 0;
  const bySheet = new Map<number, ChartPlan[]>();
  for (const p of plans) bySheet.set(p.sheetIndex, [...(bySheet.get(p.sheetIndex) ?? []), p]);
  for (const [index, sheetPlans] of bySheet) {
    const part = parts[index];
    const xml = part ? await partText(zip, part) : undefined;
    if (!part || xml === undefined)
      throw new Error(`addCharts: no worksheet part for sheet ${index + 1}`);
    if (/<drawing\b/.test(xml)) throw new Error(`addCharts: ${part} already has a drawing`);
    drawingNo++;
    const drawing = `xl/drawings/drawing${drawingNo}.xml`;
    const placed = sheetPlans.map((plan, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(plan));
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT.chart}"/></Types>`,
      );
      return { plan, rid: `rId${i + 1}`, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(drawing, drawingXml(placed));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      rels(placed.map((p) => ({ id: p.rid, type: REL.chart, target: p.target }))),
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawing}" ContentType="${CT.drawing}"/></Types>`,
    );

    // The sheet's relationships: a new id for the drawing.
    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const existing = await partText(zip, relsPath);
    const ids = existing ? [...existing.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1])) : [];
    const rid = `rId${Math.max(0, ...ids) + 1}`;
    const relation = `<Relationship Id="${rid}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${relation}</Relationships>`)
        : rels([{ id: rid, type: REL.drawing, target: `../drawings/drawing${drawingNo}.xml` }]),
    );

    // <drawing> goes after everything but legacyDrawing (notes), legacyDrawingHF, picture,
    // oleObjects, controls, webPublishItems, tableParts, extLst.
    const element = `<drawing r:id="${rid}"/>`;
    const after =
      /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
        xml,
      );
    const withNs = /xmlns:r=/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet'))))
      ? xml
      : xml.replace('<worksheet', `<worksheet xmlns:r="${NS.r}"`);
    const at = after ? withNs.indexOf(after[0]) : withNs.lastIndexOf('</worksheet>');
    zip.file(part, withNs.slice(0, at) + element + withNs.slice(at));
  }
  zip.file('[Content_Types].xml', types);
}
