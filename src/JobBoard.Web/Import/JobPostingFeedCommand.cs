namespace JobBoard.Web.Import;

/// <summary><c>import FILE</c>: loads a schema.org JobPosting feed. (Being written.)</summary>
public static class JobPostingFeedCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("import is not available yet.");
        return Task.FromResult(2);
    }
}
