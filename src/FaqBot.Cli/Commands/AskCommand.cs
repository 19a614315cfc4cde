using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FaqBot.Classifier.Answering;

namespace FaqBot.Cli.Commands;

/// <summary><c>ask</c>: answer one question readably, or answer stdin lines as JSON lines.</summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions JsonLines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var question = new Argument<string?>("question")
        {
            Description = "The question. Without it, reads one question per stdin line and writes one JSON object per line.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base JSON (from extract) instead of the articles folder." };
        var command = new Command("ask", "Answer a question from the knowledge base (trains a model first if none is current).");
        command.Arguments.Add(question);
        command.Options.Add(knowledge);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            // Checked before the model loads: an empty question is a typing slip, not something to decline.
            var asked = parse.GetValue(question);
            if (asked is not null && string.IsNullOrWhiteSpace(asked))
            {
                throw new UsageException("the question is empty. Usage: ask \"which clays are used in masks\", or ask with no argument to read one question per stdin line.");
            }

            var context = ClassifierContext.Create(parse.GetValue(knowledge));
            var answerer = context.Loader.LoadOrTrain(context.KnowledgeBase, out var trained, new StderrProgress(Console.Error));
            if (trained)
            {
                Console.Error.WriteLine($"No current model was found, so one was trained and saved to {context.Loader.Store.ModelPath}.");
            }

            var engine = new AnswerEngine(answerer);
            if (asked is not null)
            {
                PrintReadable(engine.Ask(asked));
                return 0;
            }

            string? line;
            while ((line = Console.In.ReadLine()) is not null)
            {
                Console.Out.WriteLine(ToJson(engine.Ask(line)));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>One JSON line, with exactly the documented properties in order.</summary>
    public static string ToJson(AnswerOutcome result) => JsonSerializer.Serialize(
        new
        {
            question = result.Question,
            answered = result.Shown is not null,
            clarify = result is Clarify,
            answer = result.Shown?.Text,
            entryId = result.Shown?.EntryId,
            articleId = result.Shown?.ArticleId,
            title = result.Shown?.Title,
            section = result.Shown?.Source,
            link = result.Shown?.Link,
            confidence = MathF.Round(result.Confidence, 4),
            alternatives = result.Alternatives.Select(a => new { entryId = a.EntryId, title = a.Title, confidence = MathF.Round(a.Confidence, 4) }),
        },
        JsonLines);

    private static void PrintReadable(AnswerOutcome result)
    {
        if (result.Shown is not { } shown)
        {
            Console.WriteLine("Sorry, the articles don't cover that. (declined)");
        }
        else
        {
            Console.WriteLine(shown.Text);
            Console.WriteLine();
            Console.WriteLine($"  From: {shown.Title}  [{shown.Source}]");
            if (shown.Link is not null)
            {
                Console.WriteLine($"  Link: {shown.Link}");
            }

            if (result is Clarify)
            {
                Console.WriteLine("  (close call: the bot would also ask \"did you mean…?\")");
            }
        }

        Console.WriteLine($"  Confidence: {result.Confidence:0.000}");
        foreach (var alternative in result.Alternatives)
        {
            Console.WriteLine($"    {alternative.Confidence:0.000}  {alternative.Title}  ({alternative.EntryId})");
        }
    }
}
