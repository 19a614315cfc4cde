using FaqBot.Classifier.Answering;

namespace FaqBot.Web.Hosting;

/// <summary>
/// Loads the answer engine (training the model first when none is current) before the host starts listening,
/// so the first question is not the one that waits for training and /healthz tells the truth from the start.
/// </summary>
internal sealed class AnswerEngineWarmup(IServiceProvider services, ILogger<AnswerEngineWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = services.GetService<IAnswerEngine>();
        if (engine is null)
        {
            logger.LogWarning("No answer engine is registered: the bot cannot answer questions");
            return Task.CompletedTask;
        }

        var status = engine.Status;
        logger.LogInformation(
            "Answer engine ready: model loaded {ModelLoaded}, {Entries} knowledge-base entries, trained {TrainedAt:u}",
            status.ModelLoaded,
            status.Entries,
            status.TrainedAt);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
