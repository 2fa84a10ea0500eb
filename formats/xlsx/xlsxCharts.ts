import JSZip from 'jszip';
import { CHART_ROWS, type SheetChart, type SummarySheet } from '../../core/render/sheetBlocks';
import { columnLetter } from '../../core/workbook/findings';

/**
 * exceljs writes no charts, so the summary tabs' charts are added as native DrawingML parts
 * (xl/drawings, xl/charts) to the written package. Series point at the sheet's own cells, so a
 * chart follows the figures if someone edits them.
 */
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
/** A chart's size: 16 cm wide (fits an A4 page's printed columns), 15 rows of 15 pt high. */
const CHART_CX = 5_760_000;
const CHART_CY = (CHART_ROWS - 1) * 15 * 12_700;

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ref = (sheet: string, col: number, row: number, toRow = row) =>
  `'${sheet.replace(/'/g, "''")}'!$${columnLetter(col)}$${row + 1}${toRow === row ? '' : `:$${columnLetter(col)}$${toRow + 1}`}`;

const fill = (hex: string) => `<a:solidFill><a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/></a:solidFill>`;

/** A series' look: its channel's colour (bars, lines and markers), or one colour per slice (donut). */
function seriesLook(chart: SheetChart, i: number, numCategories: number): string {
  if (chart.kind === 'donut')
    return Array.from(
      { length: numCategories },
      (_, p) =>
        `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${fill(chart.colors[p] ?? '#5d6d7e')}</c:spPr></c:dPt>`,
    ).join('');
  const colour = chart.colors[i] ?? '#5d6d7e';
  if (chart.kind === 'bar') return `<c:spPr>${fill(colour)}</c:spPr><c:invertIfNegative val="0"/>`;
  return `<c:spPr><a:ln w="${i === 0 ? 34925 : 22225}">${fill(colour)}</a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill(colour)}</c:spPr></c:marker>`;
}

export function chartXml(sheet: string, chart: SheetChart): string {
  const { row, col, numRows, numCols } = chart.data;
  const series = Array.from({ length: numCols - 1 }, (_, i) => {
    const c = col + 1 + i;
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${xml(ref(sheet, c, row))}</c:f></c:strRef></c:tx>${seriesLook(
      chart,
      i,
      numRows - 1,
    )}<c:cat><c:strRef><c:f>${xml(ref(sheet, col, row + 1, row + numRows - 1))}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${xml(
      ref(sheet, c, row + 1, row + numRows - 1),
    )}</c:f></c:numRef></c:val>${chart.kind === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`;
  }).join('');
  const axes =
    '<c:catAx><c:axId val="500"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="501"/></c:catAx>' +
    '<c:valAx><c:axId val="501"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="500"/></c:valAx>';
  const plot =
    chart.kind === 'donut'
      ? `<c:doughnutChart><c:varyColors val="1"/>${series}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/></c:dLbls><c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`
      : chart.kind === 'bar'
        ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:gapWidth val="80"/><c:axId val="500"/><c:axId val="501"/></c:barChart>${axes}`
        : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500"/><c:axId val="501"/></c:lineChart>${axes}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(
    chart.title,
  )}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function drawingXml(charts: readonly SheetChart[], firstChart: number): string {
  const anchors = charts
    .map(
      (chart, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${chart.anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${CHART_CX}" cy="${CHART_CY}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstChart + i + 1}" name="Grafik ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

const relsXml = (rels: readonly { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`bagian ${path} tidak ada di berkas .xlsx`);
  return file.async('string');
}

/** Finds "xl/worksheets/sheetN.xml" for each sheet name through workbook.xml and its rels. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const targetsAlt = new Map(
    [...rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2], m[1]]),
  );
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2] ?? '') ?? targetsAlt.get(m[2] ?? '');
    if (!target) continue;
    const name = (m[1] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"');
    paths.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

/** Adds the charts of `sheets` to an .xlsx package (a Buffer exceljs wrote) and returns the new package. */
export async function addCharts(xlsx: Uint8Array, sheets: readonly SummarySheet[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  let contentTypes = await text(zip, '[Content_Types].xml');
  let drawingNo = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  let chartNo = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) throw new Error(`tab ${sheet.name} tidak ditemukan di berkas .xlsx`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels = sheet.charts.map((chart, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(sheet.name, chart));
      contentTypes = contentTypes.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`,
      );
      return { id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(drawingPath, drawingXml(sheet.charts, 1));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(chartRels));
    contentTypes = contentTypes.replace(
      '</Types>',
      `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`,
    );

    // The sheet points at its drawing through its own rels part.
    const sheetFile = sheetPath.split('/').pop() ?? '';
    const sheetRelsPath = `${sheetPath.slice(0, -sheetFile.length)}_rels/${sheetFile}.rels`;
    const existing = zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : relsXml([]);
    const relId = `rIdDjpkDrawing${drawingNo}`;
    zip.file(
      sheetRelsPath,
      existing.replace(
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
      ),
    );
    let sheetXml = await text(zip, sheetPath);
    if (!sheetXml.includes('xmlns:r=')) sheetXml = sheetXml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    // <drawing> must precede legacyDrawing, tableParts and extLst in a worksheet (ECMA-376 order).
    const before = [
      '<legacyDrawing',
      '<legacyDrawingHF',
      '<picture',
      '<oleObjects',
      '<controls',
      '<webPublishItems',
      '<tableParts',
      '<extLst',
      '</worksheet>',
    ]
      .map((tag) => sheetXml.indexOf(tag))
      .filter((i) => i >= 0);
    const at = Math.min(...before);
    sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
    zip.file(sheetPath, sheetXml);
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
