using JobBoard.Loader;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Tests.BulkLoad;

/// <summary>The loader's <c>demo</c> command, which <c>./jobboard.sh run</c> and docker-compose run before the web app.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class LoaderCommandsTests(JobBoardApp app) : IAsyncLifetime
{
    public async Task InitializeAsync() => await app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_demo_command_fills_an_empty_board_and_leaves_a_board_with_data_alone()
    {
        var seeds = DemoPostingFile.Load().Postings.Count;

        (await LoaderCommands.RunAsync(app.Services, ["demo", "--synthetic", "12"], CancellationToken.None)).Should().Be(0);
        var titles = await app.ExecuteDbContextAsync(db => db.Postings.Select(p => p.Title).ToListAsync());
        titles.Should().HaveCount(seeds + 12).And.Contain("Key Account Manager -Oncology | Bucharest", "the seed ads come first");
        await using (var dataSource = NpgsqlDataSource.Create(app.ConnectionString))
        await using (var searchable = dataSource.CreateCommand("SELECT count(*) FROM posting_search"))
        {
            ((long)(await searchable.ExecuteScalarAsync())!).Should().BePositive("the demo postings are searchable");
        }

        (await LoaderCommands.RunAsync(app.Services, ["demo"], CancellationToken.None)).Should().Be(0);
        (await app.ExecuteDbContextAsync(db => db.Postings.CountAsync())).Should().Be(seeds + 12, "a board with data gets no demo data");
    }

    [Theory]
    [InlineData("--synthetic", "many")]
    [InlineData("--places", "3")]
    public async Task The_demo_command_refuses_what_it_cannot_read_and_stores_nothing(string option, string value)
    {
        (await LoaderCommands.RunAsync(app.Services, ["demo", option, value], CancellationToken.None)).Should().Be(2);

        (await app.ExecuteDbContextAsync(db => db.Companies.CountAsync())).Should().Be(0);
    }

    [Theory]
    [InlineData]
    [InlineData("serve")]
    [InlineData("finish", "now")]
    public void Only_its_commands_are_commands(params string[] args) => LoaderCommands.IsCommand(args).Should().BeFalse();
}
