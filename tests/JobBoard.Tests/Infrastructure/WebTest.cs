namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// A test of the app under test: xunit makes an instance for each test, and each starts on a blank board with the clock
/// at <see cref="TestPostings.Now"/> (<see cref="JobBoardApp.ResetAsync"/>).
/// </summary>
public abstract class WebTest(JobBoardApp app) : IAsyncLifetime
{
    public virtual Task InitializeAsync() => app.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
