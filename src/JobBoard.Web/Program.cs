using System.Data.Common;
using JobBoard.Data;
using JobBoard.Web;
using JobBoard.Web.Accounts;
using JobBoard.Web.Alerts;
using JobBoard.Web.Api;
using JobBoard.Web.Applications;
using JobBoard.Web.Authorization;
using JobBoard.Web.Companies;
using JobBoard.Web.Data;
using JobBoard.Web.Feeds;
using JobBoard.Web.Listings;
using JobBoard.Web.Moderation;
using JobBoard.Web.Pages.Jobs;
using JobBoard.Web.Recommendations;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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

    // Connection settings the board wants unless its connection string sets them itself: the "Database" section of
    // appsettings.json (README "Configuration"; the measurements behind each default are in docs/benchmarks.md).
    var database = new NpgsqlConnectionStringBuilder(connectionString);
    var settings = builder.Configuration.GetSection("Database");
    // NpgsqlConnectionStringBuilder.ContainsKey is true of every keyword Npgsql knows; the string as written says what is set.
    var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
    bool Sets(string keyword) => written.Keys.Cast<string>().Any(key =>
        key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));

    // Pages run the same few queries over and over: prepared once per connection, they are no longer planned each time.
    if (!Sets("MaxAutoPrepare"))
    {
        database.MaxAutoPrepare = settings.GetValue("MaxAutoPrepare", 100);
    }

    // Npgsql's reset of each connection it hands out again costs PostgreSQL more than it saves: no code here leaves
    // session state on a connection (ConnectionStateTests).
    if (!Sets("NoResetOnClose"))
    {
        database.NoResetOnClose = settings.GetValue("NoResetOnClose", true);
    }

    // A search over a million rows crosses PostgreSQL's JIT cost threshold, and compiling took longer than the query.
    if (!settings.GetValue("Jit", false) && database.Options?.Contains("jit", StringComparison.Ordinal) != true)
    {
        database.Options = $"{database.Options} -c jit=off".Trim();
    }

    builder.Services.AddDbContextPool<JobBoardDbContext>(options => options
        // Retries ride out a dropped connection or a fail-over; short waits between them, so that a database that is
        // really gone gets its 503 page within seconds instead of after EF's default of up to half a minute.
        .UseNpgsql(database.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(3, TimeSpan.FromSeconds(1), errorCodesToAdd: null))
        .UseSnakeCaseNamingConvention());

    builder.Services.AddSingleton(TimeProvider.System);
    // Bounded: each entry (a recommendation list, a directory of categories or keys) counts as one, and under a crawl
    // the lists asked for in a minute would otherwise all stay (docs/benchmarks.md). When full, expired and least
    // recently used lists go first; the directories every request needs are never evicted.
    builder.Services.AddMemoryCache(options => options.SizeLimit = builder.Configuration.GetValue("Caching:Entries", 4_000));
    // Public posting pages are served from memory for a minute (Caching:PostingPageSeconds; 0 turns it off): a posting
    // page is read far more often than its posting changes, and its recommendations are cached for as long. The store is
    // bounded in bytes (Caching:PostingPageMegabytes), so a crawl of a million pages keeps only the recent ones.
    builder.Services.AddOutputCache(options =>
    {
        options.SizeLimit = builder.Configuration.GetValue("Caching:PostingPageMegabytes", 16L) * 1024 * 1024;
        var seconds = builder.Configuration.GetValue("Caching:PostingPageSeconds", 60);
        options.AddPolicy(DetailsModel.CachePolicy, policy =>
        {
            if (seconds > 0)
            {
                policy.Expire(TimeSpan.FromSeconds(seconds)).Tag(DetailsModel.CacheTag);
            }
            else
            {
                policy.NoCache();
            }
        });
    });
    builder.Services.AddBoardResponseCompression();
    // Every cookie the board sets (session, antiforgery, TempData, a guest's pending save) is HttpOnly and SameSite=Lax,
    // and outside development Secure even on a request that came in over plain HTTP (a proxy not named in
    // Proxy__KnownNetworks must not make sessions travel in the clear).
    builder.Services.Configure<CookiePolicyOptions>(cookies =>
    {
        cookies.HttpOnly = HttpOnlyPolicy.Always;
        cookies.MinimumSameSitePolicy = SameSiteMode.Lax;
        cookies.Secure = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
    });
    // Every form is small: a posting's longest texts come to a few hundred kilobytes even in a script of three-byte
    // characters, form-encoded. A bigger body is refused with 413 before it is read; the upload pages (a CV, a logo, a
    // feed file) raise the limit for themselves.
    var bodyLimit = builder.Configuration.GetValue("Limits:RequestBodyKilobytes", DefaultRequestBodyKilobytes) * 1024L;
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyLimit);
    builder.Services.Configure<FormOptions>(form =>
    {
        form.ValueLengthLimit = (int)bodyLimit;
        form.MultipartBodyLengthLimit = bodyLimit;
    });
    builder.Services.AddScoped<DatabaseStartup>();
    builder.Services.AddScoped<BoardDirectories>();
    builder.Services.AddScoped<JobSearch>();
    builder.Services.AddScoped<RecommendedJobs>();
    builder.Services.AddScoped<JobBoard.Web.Seekers.SavedJobs>();
    builder.Services.AddSingleton(new PostingCacheChannel(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        // A listening connection waits for days: keep-alives find a dead one, and it is never handed back to a pool.
        KeepAlive = 30,
    }.ConnectionString)));
    builder.Services.AddSingleton<PostingCaches>();
    builder.Services.AddSingleton<PostingCacheListener>();
    builder.Services.AddHostedService(services => services.GetRequiredService<PostingCacheListener>());
    builder.Services.AddSingleton<CategoryEvidenceCounts>();
    // The keys that sign and encrypt cookies, antiforgery tokens and alert links live in the database, so that every app
    // instance on it reads what another wrote, and a restart or a new instance signs nobody out.
    builder.Services.AddDataProtection()
        .SetApplicationName("JobBoard")
        .PersistKeysToDbContext<JobBoardDbContext>();
    builder.Services.AddBoardAccounts(builder.Configuration);
    builder.Services.AddBoardAuthorization();
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddRazorPages(options => options.Conventions.AddBoardPageConventions());
    builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "JobBoard API";
        document.Info.Description = "Read-only access to open jobs. Only published postings that have not expired appear.";
        return Task.CompletedTask;
    }));
    builder.Services.AddReverseProxy(builder.Configuration);
    builder.Services.AddRateLimits(builder.Configuration);
    builder.Services.AddScoped<RecruiterNotices>();
    builder.Services.AddSingleton<PostingExpiry>();
    builder.Services.AddHostedService(services => services.GetRequiredService<PostingExpiry>());
    builder.Services.AddSingleton<PostingActivity>();
    builder.Services.AddHostedService(services => services.GetRequiredService<PostingActivity>());
    builder.Services.AddSingleton<AlertTokens>();
    builder.Services.AddSingleton<AlertMail>();
    builder.Services.AddSingleton<SiteOrigin>();
    builder.Services.AddSingleton<AlertSender>();
    builder.Services.AddHostedService(services => services.GetRequiredService<AlertSender>());
    builder.Services.AddHealthChecks()
        .AddDbContextCheck<JobBoardDbContext>("database", tags: ["ready"]);

    var app = builder.Build();

    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(CommandLine.IsMigrate(args), app.Lifetime.ApplicationStopping);
    }

    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping);
    }

    app.UseForwardedHeaders();
    if (!app.Environment.IsDevelopment())
    {
        // A database that cannot be reached answers 503 with the "temporarily unavailable" page; anything else 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A body that grew past its limit as it was read is Kestrel's 413, not a failure of the board.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : DatabaseUnavailable.StatusCodeOf(exception),
        });
        app.UseHsts();
    }

    app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
    app.UseSecurityHeaders();
    app.UseCookiePolicy();
    // Outside the output cache, which keeps pages uncompressed and serves each browser the encoding it asks for.
    app.UseBoardResponseCompression();
    app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ResponseCompressionPolicy.SetStaticFileCaching });
    app.UseSerilogRequestLogging();
    app.UseClientAborts();
    app.UseRouting();
    app.UseRequestBodyLimits(bodyLimit);
    app.UseFormNulCharacters();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    // Before the output cache, so that a page served from it still counts as a view.
    app.UsePostingViews();
    app.UseOutputCache();

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    app.MapRazorPages();
    app.MapJobsApi();
    app.MapFeeds();
    app.MapApply();
    app.MapCompanyLogos();
    app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
    // An address nothing answers is a 404 for everyone (the error page says so), not a sign-in prompt from the fallback
    // policy, which would also tell a guest which addresses exist.
    app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();

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

public partial class Program
{
    /// <summary>The largest request body a form may send (<c>Limits:RequestBodyKilobytes</c>); upload pages set their own.</summary>
    public const int DefaultRequestBodyKilobytes = 1024;
}
