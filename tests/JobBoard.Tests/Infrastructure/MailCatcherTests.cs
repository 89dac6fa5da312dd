using JobBoard.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace JobBoard.Tests.Infrastructure;

[Collection(WebTestsDefinition.Name)]
public sealed class MailCatcherTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_board_sends_its_mail_over_SMTP_and_the_catcher_receives_it_whole()
    {
        await app.Services.GetRequiredService<BoardMail>().SendAsync("seeker@example.test", "Ünïcode subject", "Line one\nLine two");

        var received = await app.Mail.WaitForAsync("seeker@example.test");

        received.Should().ContainSingle();
        received[0].Subject.Should().Be("Ünïcode subject");
        received[0].TextBody!.ReplaceLineEndings("\n").TrimEnd().Should().Be("Line one\nLine two");
        received[0].From.Mailboxes.Single().Address.Should().Be("no-reply@jobboard.localhost");
    }
}
