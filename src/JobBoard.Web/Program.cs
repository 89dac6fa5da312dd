using JobBoard.Web;
using JobBoard.Web.Api;
using JobBoard.Web.Data;
using JobBoard.Web.DemoData;
using JobBoard.Web.Feeds;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console()
    .CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console());

    var connectionString = builder.Configuration.GetConnectionString("JobBoard")
        ?? throw new InvalidOperationException(
            "No database configured: set ConnectionStrings__JobBoard, or start the board with ./jobboard.sh run.");

    builder.Services.AddDbContextPool<JobBoardDbContext>(options => options
        .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3))
        .UseSnakeCaseNamingConvention());

    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddMemoryCache();
    builder.Services.AddScoped<DatabaseStartup>();
    builder.Services.AddScoped<DemoDataLoader>();
    builder.Services.AddScoped<JobSearch>();
    builder.Services.AddRazorPages();
    builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "JobBoard API";
        document.Info.Description = "Read-only access to open jobs. Only published postings that have not expired appear.";
        return Task.CompletedTask;
    }));
    builder.Services.AddHealthChecks()
        .AddDbContextCheck<JobBoardDbContext>("database", tags: ["ready"]);

    var app = builder.Build();

    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(app.Lifetime.ApplicationStopping);
    }

    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping);
    }

    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error");
        app.UseHsts();
    }

    app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
    app.UseSecurityHeaders();
    app.UseStaticFiles();
    app.UseSerilogRequestLogging();
    app.UseRouting();

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    app.MapRazorPages();
    app.MapJobsApi();
    app.MapFeeds();
    app.MapOpenApi("/api/openapi/{documentName}.json");

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "JobBoard stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
