# One image for both apps; the command picks which (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web pages' templates are read at run time.
COPY --from=build /app/libs/web/src/views ./libs/web/src/views
COPY --from=build /app/libs/web/src/assets ./libs/web/src/assets
COPY --from=build /app/apps/consortium-hub/src/pages/views ./apps/consortium-hub/src/pages/views
COPY deploy/compose ./deploy/compose
USER node
EXPOSE 3000
CMD ["node", "dist/apps/consortium-hub/main.js"]
