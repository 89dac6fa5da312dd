using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobBoard.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or reaching a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<JobBoardDbContext>
{
    public JobBoardDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<JobBoardDbContext>()
        .UseNpgsql("Host=localhost;Database=jobboard_design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
