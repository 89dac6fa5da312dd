using JobBoard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace JobBoard.Loader;

/// <summary>The loader's entry point (a named class: the tests see both it and the web app's <c>Program</c>).</summary>
public static class LoaderProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (!LoaderCommands.IsCommand(args))
        {
            await Console.Error.WriteLineAsync(LoaderCommands.Usage);
            return 2;
        }

        // No command-line configuration: the arguments are the command's, not settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (builder.Configuration.GetConnectionString("JobBoard") is not { Length: > 0 } connectionString)
        {
            await Console.Error.WriteLineAsync("No database configured: set ConnectionStrings__JobBoard, or run the loader through ./jobboard.sh.");
            return 2;
        }

        // Log lines go to stderr with the progress; stdout carries only each command's result line.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (!Console.IsErrorRedirected)
        {
            // On a terminal the live progress bar redraws the last lines of the screen, which log lines written under it
            // would break: only warnings are logged there, and the summary line reports the load.
            builder.Logging.AddFilter("JobBoard", LogLevel.Warning);
        }

        builder.Services.AddDbContext<JobBoardDbContext>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        builder.Services.AddSingleton(TimeProvider.System);
        // For the demo accounts: Identity's user store and password hasher, without ASP.NET's sign-in.
        builder.Services.AddIdentityCore<JobBoard.Data.Accounts.BoardUser>(options => options.User.RequireUniqueEmail = true)
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<int>>()
            .AddEntityFrameworkStores<JobBoardDbContext>();

        using var host = builder.Build();
        return await LoaderCommands.RunAsync(host.Services, args, CancellationToken.None);
    }
}
