using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NodaTime;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Certificates;

/// <summary>The printable certificate: one A4 page in Chinese, every value HTML-encoded.</summary>
public static class CertificateHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(CertificateView c, string verifyUrl)
    {
        var rows = new StringBuilder();
        foreach (var line in c.Lines)
            rows.Append($"""
                <tr><td>{E(line.CategoryNameZh)}</td><td>{E(line.ActivityNameZh ?? line.ActivityCode)}（{E(line.ActivityCode)}）</td>
                <td class="n">{line.Services}</td><td class="n">{Hours(line.Minutes)}</td><td class="n">{line.Points}</td></tr>
                """);
        if (c.Lines.Count == 0)
            rows.Append("<tr><td colspan=\"5\">本期间内无已核实的志愿服务记录</td></tr>");
        if (c.AdjustmentPoints != 0)
            rows.Append($"""<tr><td colspan="4">积分调整（更正或酌情奖励）</td><td class="n">{c.AdjustmentPoints}</td></tr>""");

        var issuedAt = c.IssuedAt.InZone(ShanghaiCalendar.Zone);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>志愿服务记录证明 {{E(c.CertificateId.ToString())}}</title>
            <style>
              @page { size: A4; margin: 20mm; }
              body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #000; max-width: 170mm; margin: 0 auto; }
              h1 { text-align: center; letter-spacing: 0.5em; font-size: 22pt; margin: 8mm 0; }
              p { line-height: 1.9; font-size: 12pt; }
              table { width: 100%; border-collapse: collapse; margin: 6mm 0; font-size: 11pt; }
              th, td { border: 1px solid #000; padding: 2mm 3mm; }
              td.n { text-align: right; }
              .proof { font-family: monospace; font-size: 9pt; word-break: break-all; margin-top: 8mm; }
              .sign { text-align: right; margin-top: 10mm; }
              @media screen { body { margin-top: 10mm; } }
            </style>
            </head>
            <body>
            <h1>志愿服务记录证明</h1>
            <p>证明编号：{{E(c.CertificateId.ToString())}}</p>
            <p>兹证明 <strong>{{E(c.VolunteerName)}}</strong> 为{{E(c.CommunityNameZh ?? "")}}注册志愿者，于
            {{Date(c.From)}}至{{Date(c.To)}}期间参加志愿服务，经社区核实记录如下：</p>
            <table>
            <thead><tr><th>类别</th><th>服务项目</th><th>次数</th><th>服务时长</th><th>积分</th></tr></thead>
            <tbody>
            {{rows}}
            </tbody>
            <tfoot><tr><th colspan="3">合计</th><th class="n">{{Hours(c.TotalMinutes)}}</th><th class="n">{{c.TotalPoints}}</th></tr></tfoot>
            </table>
            <p>以上记录来自社区爱心银行账本，截至该志愿者账户第 {{c.AccountVersion}} 笔记录。</p>
            <p class="sign">出具人：{{E(c.IssuedBy)}}<br>出具时间：{{issuedAt.Year}}年{{issuedAt.Month}}月{{issuedAt.Day}}日 {{issuedAt.ToString("HH:mm", CultureInfo.InvariantCulture)}}</p>
            <div class="proof">
            <p>校验码：{{E(CertificateDigest.Printed(c.Digest))}}<br>
            账本链：{{E(c.Chain)}}，位置 {{c.ChainPosition}}<br>
            链上哈希：{{E(c.ChainHash)}}<br>
            核验地址：{{E(verifyUrl)}}</p>
            <p>任何单位可访问核验地址，确认本证明与账本记录一致；核验结果不会透露其他个人信息。</p>
            </div>
            </body>
            </html>
            """;
    }

    private static string E(string value) => Html.Encode(value);

    private static string Date(LocalDate d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>Whole hours and minutes: points and times stay integers all the way to the page.</summary>
    private static string Hours(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60} 小时" : $"{minutes / 60} 小时 {minutes % 60} 分钟";
}
