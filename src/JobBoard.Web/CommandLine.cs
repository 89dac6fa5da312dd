using JobBoard.Web.Import;

namespace JobBoard.Web;

/// <summary>
/// The board's one-off command (<c>./jobboard.sh import FILE</c>; bulk loads are the loader's, src/JobBoard.Loader): it runs
/// against the configured database with the app's services, after migrations, and exits with a status code instead
/// of serving pages.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken) => args[0] switch
    {
        "import" => JobPostingFeedCommand.RunAsync(services, args[1..], cancellationToken),
        _ => throw new ArgumentException($"Unknown command \"{args[0]}\".", nameof(args)),
    };
}
