using System.Net;
using System.Text.Json;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Api;

/// <summary>What the JSON API's endpoints share: the <c>limit</c> they take, and what a posting that is no longer open answers.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class JobsApiTests(JobBoardApp app) : WebTest(app)
{
    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("51")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public async Task A_limit_that_is_not_a_whole_number_from_1_to_50_gets_the_same_400_on_every_endpoint(string limit)
    {
        var company = Company();
        var subject = Published(company, Content("Registered Nurse"));
        await app.InsertAsync(subject, Published(company, Content("Staff Nurse")));

        var problems = new List<JsonElement>();
        foreach (var url in new[] { $"/api/v1/jobs?q=nurse&limit={limit}", $"/api/v1/jobs/{subject.Id}/recommendations?limit={limit}" })
        {
            var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problems.Add(json.RootElement.Clone());
        }

        var message = $"\"limit\" is a whole number from 1 to 50; \"{limit}\" is not.";
        problems.Should().AllSatisfy(problem =>
        {
            problem.GetProperty("status").GetInt32().Should().Be(400);
            problem.GetProperty("detail").GetString().Should().Be(message);
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("limit");
            problem.GetProperty("errors").GetProperty("limit").EnumerateArray().Select(e => e.GetString()).Should().Equal(message);
        });
        problems.Select(p => p.GetProperty("instance").GetString()).Should().Equal("/api/v1/jobs", $"/api/v1/jobs/{subject.Id}/recommendations");
    }

    [Fact]
    public async Task A_limit_from_1_to_50_sets_how_many_items_come_back_on_every_endpoint_and_none_gives_the_default()
    {
        var company = Company();
        var postings = Enumerable.Range(1, 25).Select(i => Published(company, Content($"Nurse {i}"))).ToArray();
        await app.InsertAsync(postings);
        var subject = postings[0].Id;

        (await ItemCountAsync("/api/v1/jobs?limit=1")).Should().Be(1);
        (await ItemCountAsync($"/api/v1/jobs/{subject}/recommendations?limit=1")).Should().Be(1);
        (await ItemCountAsync("/api/v1/jobs?limit=50")).Should().Be(25);
        (await ItemCountAsync($"/api/v1/jobs/{subject}/recommendations?limit=50")).Should().Be(24, "every other posting, never the subject");
        (await ItemCountAsync("/api/v1/jobs")).Should().Be(20, "a page of search results by default");
        (await ItemCountAsync($"/api/v1/jobs/{subject}/recommendations?limit=")).Should().Be(10, "a blank limit is no limit: ten recommendations by default");
    }

    [Fact]
    public async Task A_posting_no_longer_open_is_gone_from_the_api_and_names_its_recommendations_which_keep_answering()
    {
        var company = Company();
        var closed = Published(company, Content("Closed Nurse"));
        closed.Close("recruiter", Now).Succeeded.Should().BeTrue();
        var pastItsDate = Published(company, Content("Lapsed Nurse") with { DatePosted = new DateOnly(2025, 1, 1), ValidThrough = new DateOnly(2025, 2, 1) }, at: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var expired = Published(company, Content("Expired Nurse") with { DatePosted = new DateOnly(2025, 1, 1), ValidThrough = new DateOnly(2025, 2, 1) }, at: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        expired.Expire(Now).Succeeded.Should().BeTrue();
        var open = Published(company, Content("Open Nurse"));
        await app.InsertAsync(closed, pastItsDate, expired, open);

        foreach (var posting in new[] { closed, pastItsDate, expired })
        {
            var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{posting.Id}", UriKind.Relative));

            response.StatusCode.Should().Be(HttpStatusCode.Gone, posting.Title);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var recommendations = $"http://localhost/api/v1/jobs/{posting.Id}/recommendations";
            problem.RootElement.GetProperty("title").GetString().Should().Be("Gone");
            problem.RootElement.GetProperty("detail").GetString().Should().Be($"This job is no longer open. Open jobs like it: {recommendations}");
            problem.RootElement.GetProperty("instance").GetString().Should().Be($"/api/v1/jobs/{posting.Id}");
            problem.RootElement.GetProperty("recommendations").GetString().Should().Be(recommendations);
            problem.RootElement.GetProperty("page").GetString().Should().Be($"http://localhost/jobs/{posting.Id}/{posting.Slug}");

            var related = await app.CreateClient().GetAsync(new Uri(recommendations));
            related.StatusCode.Should().Be(HttpStatusCode.OK, "the recommendations of a closed ad keep answering, as under its page");
            using var items = JsonDocument.Parse(await related.Content.ReadAsStringAsync());
            items.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Equal("Open Nurse");

            var (page, html) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
            page.StatusCode.Should().Be(HttpStatusCode.OK, "its page stays and says it is over");
            html.QuerySelector("[role=status]")!.Text().Should().Be("This job is no longer accepting applications.");
            html.QuerySelectorAll("[data-testid=recommended-job] a").Select(a => a.Text()).Should().Contain("Open Nurse");
        }

        (await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{open.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Drafts_postings_under_review_rejected_ones_and_unknown_ids_are_not_found_on_both_endpoints()
    {
        var company = Company();
        var draft = Draft(company, Content("Draft Nurse"));
        var underReview = Draft(company, Content("Pending Nurse"));
        underReview.Submit("recruiter", Now);
        var rejected = Draft(company, Content("Rejected Nurse"));
        rejected.Submit("recruiter", Now);
        rejected.Reject("admin", "Not a real job", Now);
        await app.InsertAsync(draft, underReview, rejected, Published(company, Content("Open Nurse")));

        foreach (var id in new[] { draft.Id, underReview.Id, rejected.Id, 9999 })
        {
            foreach (var url in new[] { $"/api/v1/jobs/{id}", $"/api/v1/jobs/{id}/recommendations" })
            {
                var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                problem.RootElement.GetProperty("detail").GetString().Should().Be("Nothing here: no such endpoint, or no published job with this id.");
            }
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_gives_limit_its_range_and_default_and_lists_the_400_and_the_410()
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)));
        var paths = json.RootElement.GetProperty("paths");
        var search = paths.GetProperty("/api/v1/jobs").GetProperty("get");
        var one = paths.GetProperty("/api/v1/jobs/{id}").GetProperty("get");
        var recommendations = paths.GetProperty("/api/v1/jobs/{id}/recommendations").GetProperty("get");

        foreach (var (operation, byDefault) in new[] { (search, 20), (recommendations, 10) })
        {
            var limit = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
            limit.GetProperty("in").GetString().Should().Be("query");
            var schema = limit.GetProperty("schema");
            (schema.GetProperty("minimum").GetInt32(), schema.GetProperty("maximum").GetInt32(), schema.GetProperty("default").GetInt32())
                .Should().Be((1, 50, byDefault));
            operation.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue();
            operation.GetProperty("description").GetString().Should().Contain("is refused with a 400");
        }

        recommendations.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("id", "limit");
        one.GetProperty("responses").GetProperty("410").GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue();
        one.GetProperty("description").GetString().Should().Contain("410 Gone").And.Contain("`recommendations`");
        recommendations.GetProperty("description").GetString().Should().Contain("no longer open");
    }

    private async Task<int> ItemCountAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").GetArrayLength();
    }
}
