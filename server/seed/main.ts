import { loadDemoCity } from '../../mocks/node';
import { readConfig } from '../src/config';
import { migrate } from '../src/migrate';
import { seedDemoCity } from './seed-demo-city';

/** `npm run server:seed`: migrate, then load the demo city (public/demo-city/, `npm run demo-city`) as of now. */
const { databaseUrl } = readConfig();
await migrate(databaseUrl);
const { cases, workers, fixes } = await seedDemoCity(databaseUrl, await loadDemoCity(), Date.now());
console.log(`seeded the demo city: ${cases} cases, ${workers} grid workers, ${fixes} position fixes today`);
