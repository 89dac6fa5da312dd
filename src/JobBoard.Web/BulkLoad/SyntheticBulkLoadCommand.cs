namespace JobBoard.Web.BulkLoad;

/// <summary><c>seed --synthetic N</c>: generates and bulk-loads a synthetic board. (Being written.)</summary>
public static class SyntheticBulkLoadCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("seed is not available yet.");
        return Task.FromResult(2);
    }
}
