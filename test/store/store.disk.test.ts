import {makeGitRepo, openTestStore} from '../helpers/gitRepo.ts';
import {storeContract} from './storeContract.ts';

storeContract(`disk`, () => {
  const repo = makeGitRepo();
  return {store: openTestStore(repo.dir), cleanup: repo.cleanup};
});
