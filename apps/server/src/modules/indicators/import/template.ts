import { indicatorColumns } from './columns.js';
import { loadExcel } from '../../../core/sheet.js';

/** The import template: the columns (required ones starred), and a sheet explaining each. */
export async function indicatorTemplate(currentYear: number): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = wb.addWorksheet('经营指标', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = indicatorColumns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  // Keep the credit code as text so Excel does not turn it into a number.
  ws.getColumn(1).numFmt = '@';

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 24 },
    { header: '填写要求', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of indicatorColumns) help.addRow([c.header, `${c.required ? '必填。' : ''}${c.hint}`]);
  help.addRow(['说明', `每行一家企业的一个年度（按统一社会信用代码 + 年度匹配），年度不晚于${currentYear}年。已有年度：空白单元格保留原值，填写的单元格覆盖原值；新年度：空白表示未填报。先“预检”查看全部错误，无错误后再确认导入（全部成功或全部不导入）。`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
