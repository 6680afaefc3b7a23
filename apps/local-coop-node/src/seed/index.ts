export { seedCoop, SeedSummary } from './seed-coop';
