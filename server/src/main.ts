import { buildServer } from './app';
import { readConfig } from './config';
import { migrate } from './migrate';

/** `npm run server`: apply pending migrations, then serve the contract on HOST:PORT under GRIDBOARD_BASE_PATH. */
const config = readConfig();
await migrate(config.databaseUrl);
const app = await buildServer(config);
const address = await app.listen({ host: config.host, port: config.port });
console.log(`gridboard server: ${address}${config.basePath}`);
const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
