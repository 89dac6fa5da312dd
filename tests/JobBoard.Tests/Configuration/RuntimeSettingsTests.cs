using System.Text.Json;

namespace JobBoard.Tests.Configuration;

/// <summary>The web process's runtime settings, as its build writes them into JobBoard.Web.runtimeconfig.json.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_web_process_runs_a_concurrent_workstation_gc_that_conserves_memory_and_a_thread_pool_that_does_not_spin()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "JobBoard.Web.runtimeconfig.json")));
        var settings = file.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        settings.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse("the Web SDK would turn the server GC on");
        settings.GetProperty("System.GC.Concurrent").GetBoolean().Should().BeTrue();
        settings.GetProperty("System.GC.ConserveMemory").GetInt32().Should().Be(8);
        settings.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().Should().Be(0);
    }
}
