# Builds and serves JobBoard. docker-compose.yml pairs it with PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/JobBoard.Domain/JobBoard.Domain.csproj src/JobBoard.Domain/
COPY src/JobBoard.Data/JobBoard.Data.csproj src/JobBoard.Data/
COPY src/JobBoard.Web/JobBoard.Web.csproj src/JobBoard.Web/
RUN dotnet restore src/JobBoard.Web/JobBoard.Web.csproj
COPY src/ src/
RUN dotnet publish src/JobBoard.Web/JobBoard.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "JobBoard.Web.dll"]
