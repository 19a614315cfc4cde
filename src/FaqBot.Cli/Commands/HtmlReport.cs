using System.Globalization;
using System.Net;
using System.Text;
using FaqBot.Classifier.Evaluation;

namespace FaqBot.Cli.Commands;

/// <summary>A self-contained HTML evaluation report with inline SVG plots.</summary>
internal static class HtmlReport
{
    public static string Render(EvaluationReport report, string title)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html><head><meta charset="utf-8"><title>FaqBot evaluation: {{Enc(title)}}</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:70em}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}.bad{color:#b00}</style>
            </head><body><h1>FaqBot evaluation: {{Enc(title)}}</h1>
            <table><tr><th>Questions</th><td>{{report.Items.Count}}</td></tr>
            <tr><th>Accuracy</th><td>{{report.Accuracy:P1}}</td></tr>
            <tr><th>In-scope accuracy (fact shown)</th><td>{{report.InScopeAccuracy:P1}}</td></tr>
            <tr><th>Expected entry chosen</th><td>{{report.EntryAccuracy:P1}}</td></tr>
            <tr><th>Out-of-scope rejection</th><td>{{report.OutOfScopeRejection:P1}}</td></tr></table>
            <h2>Confidence histogram</h2>
            """);
        html.Append(Histogram(report));
        html.Append("<h2>Most confused pairs</h2>");
        html.Append(Bars(report.ConfusedPairs.Take(12).Select(p => ($"{p.Expected} → {p.Got}", p.Count)).ToList()));
        html.Append("<h2>Wrong answers</h2><table><tr><th>Question</th><th>Expected</th><th>Got</th><th>Confidence</th><th>Shown answer</th></tr>");
        foreach (var item in report.Items.Where(i => !i.Correct))
        {
            var got = item.Result.Shown is { } shown ? EvaluationReport.Short(shown.EntryId) : "declined";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(item.Question.Question)}</td><td>{Enc(EvaluationReport.Short(item.Question.ExpectedEntryId))}<br><small>{Enc(item.Question.ExpectedFact ?? "")}</small></td><td class=bad>{Enc(got)}</td><td>{item.Result.Confidence:0.00}</td><td><small>{Enc(item.Result.Shown?.Text ?? "")}</small></td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static string Histogram(EvaluationReport report)
    {
        var bins = report.ConfidenceHistogram;
        var max = Math.Max(1, bins.Max(b => b.Correct + b.Wrong));
        var svg = new StringBuilder("<svg width=\"520\" height=\"240\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bins.Count; i++)
        {
            var x = 20 + (i * 50);
            var correctHeight = 180.0 * bins[i].Correct / max;
            var wrongHeight = 180.0 * bins[i].Wrong / max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{200 - correctHeight:0.0}\" width=\"40\" height=\"{correctHeight:0.0}\" fill=\"#3a7\"><title>{bins[i].Correct} correct</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{200 - correctHeight - wrongHeight:0.0}\" width=\"40\" height=\"{wrongHeight:0.0}\" fill=\"#c44\"><title>{bins[i].Wrong} wrong</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4}\" y=\"220\" font-size=\"11\">{bins[i].From:0.0}</text>");
        }

        svg.Append("<text x=\"20\" y=\"238\" font-size=\"11\">confidence (green correct, red wrong)</text></svg>");
        return svg.ToString();
    }

    private static string Bars(IReadOnlyList<(string Label, int Count)> rows)
    {
        if (rows.Count == 0)
        {
            return "<p>None.</p>";
        }

        var max = rows.Max(r => r.Count);
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg width=\"760\" height=\"{(rows.Count * 22) + 10}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var width = 300.0 * rows[i].Count / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(i * 22) + 15}\" font-size=\"11\">{Enc(rows[i].Label.Length > 70 ? rows[i].Label[..70] + "…" : rows[i].Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"440\" y=\"{(i * 22) + 4}\" width=\"{width:0.0}\" height=\"14\" fill=\"#c44\"/><text x=\"{445 + width:0.0}\" y=\"{(i * 22) + 15}\" font-size=\"11\">{rows[i].Count}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
