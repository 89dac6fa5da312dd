using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Authorization;

[Collection(WebTestsDefinition.Name)]
public sealed class AreaAccessTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_guest_asking_for_the_admin_area_is_sent_to_sign_in_and_back()
    {
        var response = await app.GuestClient().GetAsync(new Uri("/Admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().Be("/Account/SignIn?ReturnUrl=%2FAdmin");
    }

    [Theory]
    [InlineData(BoardRoles.Seeker)]
    [InlineData(BoardRoles.Recruiter)]
    public async Task Only_an_admin_enters_the_admin_area(string role)
    {
        var company = Company();
        await app.InsertAsync(company);
        var someone = await app.CreateUserAsync($"{role.ToLowerInvariant()}@acme.test", role, role == BoardRoles.Recruiter ? company : null);
        var admin = await app.CreateUserAsync("admin@jobboard.test", BoardRoles.Admin);

        var refused = await (await app.SignedInClientAsync(someone)).GetAsync(new Uri("/Admin", UriKind.Relative));
        var admitted = await (await app.SignedInClientAsync(admin)).GetDocumentAsync("/Admin");

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        admitted.QuerySelector("main")!.Text().Should().Contain("Signed in as admin@jobboard.test");
    }

    [Fact]
    public async Task An_address_nothing_answers_is_a_404_for_a_guest_not_a_sign_in_prompt()
    {
        var response = await app.GuestClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
