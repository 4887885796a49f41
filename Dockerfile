# One image recipe for both hosts. Build from the repository root:
#   docker build --build-arg APP=Silo -t herald-silo .     docker build --build-arg APP=Api -t herald-api .
ARG APP=Api

# The customer portal (static files the API serves at /portal), built where node is.
FROM node:20-bookworm-slim AS portal
WORKDIR /portal
COPY src/Portal/package.json src/Portal/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Portal/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG APP
WORKDIR /src
COPY . .
COPY --from=portal /portal/dist src/Portal/dist
RUN dotnet publish src/${APP}/Herald.${APP}.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG APP
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 HERALD_APP=Herald.${APP}.dll
EXPOSE 8080 11111 30000
ENTRYPOINT ["sh", "-c", "exec dotnet \"$HERALD_APP\""]
