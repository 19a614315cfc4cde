# FaqBot in a container: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t faqbot .
#   docker run -d -p 8080:8080 -v faqbot-data:/data --name faqbot faqbot
# The model and the feedback database live in the /data volume; the articles ship in the image (/app/data/articles),
# or mount your own and set Knowledge__ArticlesDirectory. See docs/deployment.md.

# The Web Chat bundle the page serves, from npm (the SDK image has no npm).
FROM docker.io/library/node:22-bookworm-slim AS webchat
WORKDIR /webchat
RUN npm pack botframework-webchat@4.18.1 \
    && tar -xzf botframework-webchat-4.18.1.tgz package/dist/webchat.js package/dist/webchat.js.LICENSE.txt

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Present, so the build's own npm step is skipped.
COPY --from=webchat /webchat/package/dist/ src/FaqBot.Web/wwwroot/lib/webchat/
RUN dotnet publish src/FaqBot.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# ASPNETCORE_HTTP_PORTS (8080) and APP_UID (a non-root user) come from the base image.
ENV Bot__DataDirectory=/data \
    Classifier__ModelDirectory=/data/model
USER root
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME /data
EXPOSE 8080
# 200 once a model answers (ok or degraded); the first start may train for a while, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "FaqBot.Web.dll"]
