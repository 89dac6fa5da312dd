# Builds and serves JobBoard, with its loader in /app/loader (demo data, bulk loads). docker-compose.yml pairs it with
# PostgreSQL and runs the loader's demo command before the web app starts.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/JobBoard.Domain/JobBoard.Domain.csproj src/JobBoard.Domain/
COPY src/JobBoard.Data/JobBoard.Data.csproj src/JobBoard.Data/
COPY src/JobBoard.Web/JobBoard.Web.csproj src/JobBoard.Web/
COPY src/JobBoard.Loader/JobBoard.Loader.csproj src/JobBoard.Loader/
RUN dotnet restore src/JobBoard.Web/JobBoard.Web.csproj && dotnet restore src/JobBoard.Loader/JobBoard.Loader.csproj
COPY src/ src/
RUN dotnet publish src/JobBoard.Web/JobBoard.Web.csproj -c Release -o /app --no-restore
# A folder of its own: the loader carries Microsoft.Extensions packages the web app takes from the ASP.NET framework.
RUN dotnet publish src/JobBoard.Loader/JobBoard.Loader.csproj -c Release -o /app/loader --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "JobBoard.Web.dll"]
