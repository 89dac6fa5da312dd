using JobBoard.Domain.Places;

namespace JobBoard.Tests.Domain.Places;

public sealed class GeoDistanceTests
{
    [Fact]
    public void A_point_is_no_distance_from_itself_and_distance_is_symmetric()
    {
        GeoDistance.Kilometres(44.43225, 26.10626, 44.43225, 26.10626).Should().Be(0);
        GeoDistance.Kilometres(44.43225, 26.10626, 47.16667, 27.6)
            .Should().BeApproximately(GeoDistance.Kilometres(47.16667, 27.6, 44.43225, 26.10626), 1e-9);
    }

    [Fact]
    public void Antipodes_are_half_the_mean_circumference_apart()
    {
        GeoDistance.Kilometres(0, 0, 0, 180).Should().BeApproximately(Math.PI * GeoDistance.EarthRadiusKilometres, 1e-6);
        GeoDistance.Kilometres(90, 0, -90, 0).Should().BeApproximately(20_015.1, 0.1);
    }
}
