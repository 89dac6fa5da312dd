using JobBoard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JobBoard.Tests.Pages;

/// <summary>A request whose client went away is a 499 for the request log, not a server error; other cancellations still fail.</summary>
public sealed class ClientAbortTests
{
    [Fact]
    public async Task Work_cancelled_because_the_client_went_away_answers_499_without_an_error()
    {
        using var gone = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        var statusCodePages = new StatusCodePagesFeature();
        context.Features.Set<IStatusCodePagesFeature>(statusCodePages);
        await gone.CancelAsync();

        await Pipeline(context.RequestAborted)(context);

        context.Response.StatusCode.Should().Be(ClientAborts.ClientClosedRequest);
        statusCodePages.Enabled.Should().BeFalse("no error page is rendered for a client that is gone");
    }

    [Fact]
    public async Task Work_cancelled_for_another_reason_still_fails_the_request()
    {
        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();
        var context = new DefaultHttpContext();

        var handling = () => Pipeline(timeout.Token)(context);

        await handling.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>The middleware before a handler whose database call is cancelled by the given token.</summary>
    private static RequestDelegate Pipeline(CancellationToken cancelledBy)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseClientAborts();
        app.Run(async _ => await Task.Delay(TimeSpan.FromSeconds(30), cancelledBy));
        return app.Build();
    }
}
