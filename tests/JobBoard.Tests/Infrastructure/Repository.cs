namespace JobBoard.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for the files and scripts they use as a user would.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JobBoard.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("JobBoard.sln not found above the test assembly.");
    }
}
